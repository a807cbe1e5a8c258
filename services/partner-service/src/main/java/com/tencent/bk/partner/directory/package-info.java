/**
 * The read side of the HTTP API ({@code GET /api/partners…}): the directory and each partner's state,
 * composed from the registry, the certified headcount, the tier decisions and the headcount forecast.
 */
package com.tencent.bk.partner.directory;
