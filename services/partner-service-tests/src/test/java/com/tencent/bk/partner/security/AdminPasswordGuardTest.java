package com.tencent.bk.partner.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class AdminPasswordGuardTest {

    private final AdminPasswordGuard guard = new AdminPasswordGuard();

    @Test
    void refusesToStartWithoutAnAdminPassword() {
        assertThatThrownBy(() -> guard.postProcessEnvironment(new MockEnvironment(), null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("BK_ADMIN_PASSWORD");
        assertThatThrownBy(() -> guard.postProcessEnvironment(
                new MockEnvironment().withProperty(AdminPasswordGuard.PASSWORD_PROPERTY, " "), null))
                .hasMessageContaining("BK_ADMIN_PASSWORD");
    }

    @Test
    void startsWithOne() {
        assertThatCode(() -> guard.postProcessEnvironment(
                new MockEnvironment().withProperty(AdminPasswordGuard.PASSWORD_PROPERTY, "s3cret!"), null))
                .doesNotThrowAnyException();
    }
}
