-- Money always has an owner, also when an application ends without a partnership after its fee was paid: the
-- payment that paid the fee is recorded as to be returned on a payment_case row of its own, closed at once
-- (problem and outcome_reason APPLICATION_ENDED, decided by the program, the application's end reason as comment)
-- and keyed by the onboarding process instance that ended the application. That payment may already hold the
-- finance case that accepted it as settling, so a payment now holds at most one case per problem (which also
-- keeps V10's rule: one finance case and one unused-renewal-fee record per payment).
drop index payment_case_one_finance_case_per_payment;
drop index payment_case_one_return_per_payment;
alter table payment_case add constraint payment_case_payment_problem_key unique (payment_id, problem);
