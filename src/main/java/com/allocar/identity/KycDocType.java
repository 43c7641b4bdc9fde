package com.allocar.identity;

public enum KycDocType {
    cni, passport, permis
}
