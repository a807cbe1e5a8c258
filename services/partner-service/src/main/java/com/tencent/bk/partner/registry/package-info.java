/**
 * The partner registry: each company's partnership (type, level, status, contact) and its contracts, and the
 * read side of the HTTP API ({@code GET /api/partners/…}). Other domains change a partner only through
 * {@link com.tencent.bk.partner.registry.PartnerRegistry}.
 */
package com.tencent.bk.partner.registry;
