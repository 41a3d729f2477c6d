package org.rulesascode.nssf.eligibility;

/** Sector of work. Only the garment, footwear and travel-goods sectors have a sector minimum wage in the
 * rules reference (§10); the others are informative. */
public enum Sector {
    GARMENT, FOOTWEAR, TRAVEL_GOODS, CONSTRUCTION, HOSPITALITY, TRANSPORT, TRADE, DOMESTIC_WORK,
    PUBLIC_ADMINISTRATION, AGRICULTURE, OTHER;

    /** @return true for the garment, footwear and travel-goods sectors, which share one minimum wage. */
    public boolean hasSectorMinimumWage() {
        return this == GARMENT || this == FOOTWEAR || this == TRAVEL_GOODS;
    }
}
