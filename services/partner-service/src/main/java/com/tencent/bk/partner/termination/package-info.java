/**
 * Ending partnerships. For now the seam through which other domains ask for a termination
 * ({@link com.tencent.bk.partner.termination.Terminations}); requests are recorded for the program office.
 */
package com.tencent.bk.partner.termination;
