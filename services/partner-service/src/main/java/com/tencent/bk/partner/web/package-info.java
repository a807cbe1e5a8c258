/** HTTP concerns shared by every controller: errors as RFC 9457 problem details naming each bad field. */
package com.tencent.bk.partner.web;
