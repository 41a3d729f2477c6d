package org.rulesascode.nssf.eligibility;

/** How a dependant or survivor is related to the worker. */
public enum Relation { SPOUSE, CHILD, PARENT, OTHER }
