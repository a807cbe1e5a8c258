package com.tencent.bk.partner.certification;

public enum Track {
    AUTOMATION, DEVELOPMENT
}
