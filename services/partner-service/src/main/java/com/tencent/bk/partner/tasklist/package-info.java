/**
 * How the program's user tasks read in Camunda Tasklist: a name that tells tasks apart, a due date from the
 * step's SLA, a follow-up date where the process has a deadline, and the variables the filters show and sort by,
 * all set by the service from the project's tables when a task is created.
 */
package com.tencent.bk.partner.tasklist;
