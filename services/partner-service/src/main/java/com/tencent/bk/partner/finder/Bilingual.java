package com.tencent.bk.partner.finder;

/** A text in Chinese (the program's language, which stands where the two differ) and English. */
record Bilingual(String zh, String en) {
}
