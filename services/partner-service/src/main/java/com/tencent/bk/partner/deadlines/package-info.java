/**
 * Deadlines of running processes (grace periods, fee and signature deadlines, renewal checks) as the
 * program office sees them, and moving one — a grace extension, a delayed renewal — with the change
 * recorded: who, from when to when, and why.
 */
package com.tencent.bk.partner.deadlines;
