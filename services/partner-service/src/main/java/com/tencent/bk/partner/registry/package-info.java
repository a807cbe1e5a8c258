/**
 * The partner registry: each company's partnership (type, level, status, contact) and its contracts. Other
 * domains read and change a partner only through {@link com.tencent.bk.partner.registry.PartnerRegistry}.
 */
package com.tencent.bk.partner.registry;
