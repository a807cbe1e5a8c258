-- Who reviewed an application, kept where no task completion can overwrite it (process variables can be sent
-- with any completion): the four-eyes rule of the approval reads it from here.
alter table application add column reviewed_by varchar(100);

-- How a termination case was decided, and by whom, besides the outcome.
alter table termination_request add column decided_by varchar(100);
alter table termination_request add column decision_comment varchar(2000);
