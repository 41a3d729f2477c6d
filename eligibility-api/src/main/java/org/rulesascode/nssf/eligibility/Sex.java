package org.rulesascode.nssf.eligibility;

/** Sex of the worker, as recorded by NSSF. */
public enum Sex { FEMALE, MALE }
