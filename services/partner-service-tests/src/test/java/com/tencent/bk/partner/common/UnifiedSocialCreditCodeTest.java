package com.tencent.bk.partner.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UnifiedSocialCreditCodeTest {

    @Test
    void contractExampleIsValid() {
        assertThat(UnifiedSocialCreditCode.isValid("91350100M000100Y43")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"91350100M000100Y44", "91350100M000100Y4", "91350100M000100Y430", "91350100I000100Y43",
            "91350100m000100Y43", ""})
    void wrongCheckCharacterLengthOrAlphabetIsInvalid(String code) {
        assertThat(UnifiedSocialCreditCode.isValid(code)).isFalse();
    }

    @Test
    void nullIsInvalid() {
        assertThat(UnifiedSocialCreditCode.isValid(null)).isFalse();
    }

    @Test
    void checkCharacterCanBeComputed() {
        assertThat(UnifiedSocialCreditCode.withCheckCharacter("91350100M000100Y4")).isEqualTo("91350100M000100Y43");
    }
}
