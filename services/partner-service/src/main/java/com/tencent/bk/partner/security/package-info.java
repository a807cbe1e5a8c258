/**
 * Who may do what. HTTP Basic against the engine's own users and groups for {@code /api/**} and
 * {@code /engine-rest/**}; the Camunda webapps keep their own session login and CSRF protection. Engine
 * authorizations are on: a user sees and works only the tasks of their groups. Groups, their grants and the
 * Tasklist filters are created at startup; demo users exist only in the {@code local} profile.
 */
package com.tencent.bk.partner.security;
