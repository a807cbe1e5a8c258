package com.tencent.bk.partner.onboarding;

/** The company already has an open application or an active partnership (HTTP 409). */
class ApplicationConflictException extends RuntimeException {

    ApplicationConflictException(String message) {
        super(message);
    }
}
