package com.tencent.bk.partner.web;

/** A request parameter that failed a check no annotation expresses; answered as a 400 naming the field. */
public class InvalidParameterException extends RuntimeException {

    private final String field;

    public InvalidParameterException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
