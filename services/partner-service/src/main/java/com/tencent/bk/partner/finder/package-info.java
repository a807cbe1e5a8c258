/**
 * The public partner finder (issue 14): a page at {@code /partners/} and its read-only JSON at
 * {@code /api/public/partners}, for anyone, without a login. It shows ACTIVE partners only, and of them only what
 * a customer needs to choose one: name, type, level, region, what the type may do for a customer (the program
 * rules' words, {@link com.tencent.bk.partner.finder.TypeOffers}), since when, and an education partner's
 * approved courses. Never contacts, headcounts, evaluations or a status: {@link
 * com.tencent.bk.partner.finder.PublicPartner} has no field for them. Anonymous callers are limited per client
 * address ({@link com.tencent.bk.partner.finder.ClientRateLimit}).
 */
package com.tencent.bk.partner.finder;
