package com.tencent.bk.partner.certification;

/** Level of an automation certificate; SERVICE also satisfies a USAGE requirement. */
public enum CertificationLevel {
    SERVICE, USAGE
}
