/**
 * The benefits of the program rules that follow a partnership: what a partner of a type receives, announced at
 * activation and re-announced ({@code bk.partner.benefits-changed}) on renewal, level change, termination and
 * expiry.
 */
package com.tencent.bk.partner.benefits;
