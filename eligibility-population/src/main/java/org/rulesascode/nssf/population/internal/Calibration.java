package org.rulesascode.nssf.population.internal;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The numbers the synthetic population is calibrated to, each with where it comes from. The published sources are
 * listed in {@code eligibility-examples/POPULATION.md} (legal values in {@code docs/law.md}); "ASSUMPTION" marks a number of
 * ours that no source gives, chosen to be plausible and documented in {@code eligibility-examples/POPULATION.md}.
 *
 * <p>These are calibration targets for a synthetic population, not law: the engine never reads them. Shares are
 * fractions of all NSSF members (occupational risk / health care), the population the generator draws.
 */
public final class Calibration {
    private Calibration() { }

    // ---- published aggregates (sources in POPULATION.md) -------------------------------------------

    /** NSSF members (occupational risk / health care) up to 2021: 4,335,501. published aggregates (WSM/INSP!R Asia 2023, C). */
    public static final long MEMBERS = 4_335_501L;
    /** Women among them: 1,633,583. published aggregates (the report's split does not add up exactly; we take women / total). */
    public static final long MEMBERS_WOMEN = 1_633_583L;
    /** Garment, footwear and travel-goods workers: about 913,000 in about 1,538 factories (2024). garment sector size (MENAFN 2024), published aggregates. */
    public static final long GARMENT_SECTOR_WORKERS = 913_000L;
    /** Factories of that sector (2024). garment sector size (MENAFN 2024). */
    public static final long GARMENT_SECTOR_FACTORIES = 1_538L;
    /** Workers in the pension scheme, H1 2024: more than 1.56 million in 21,288 enterprises. published aggregates, pension-scheme figures (S55, C). */
    public static final long PENSION_SCHEME_WORKERS = 1_560_000L;
    /** Enterprises in the pension scheme, H1 2024. pension-scheme figures (S55). */
    public static final long PENSION_SCHEME_ENTERPRISES = 21_288L;
    /** Self-employed members of voluntary health care: 90,000 to "over 100,000" (2024). published aggregates (S43). */
    public static final long SELF_EMPLOYED_MEMBERS = 100_000L;
    /** Civil servants, former civil servants and veterans in health care, H1 2024: more than 430,000. public sector (S55). */
    public static final long PUBLIC_MEMBERS = 430_000L;
    /** Women receiving the State childbirth allowance: about 80,000 a year around 2020. published aggregates (S33, S34, C2). The
     *  same row's 196,866 newborns over Jan 2018 to Aug 2020 (about 74,000 a year) is the cross-check. */
    public static final long CHILDBIRTHS_PER_YEAR = 80_000L;

    /** Share of women among members: 1,633,583 / 4,335,501 = 0.3768. */
    public static final double FEMALE_SHARE = (double) MEMBERS_WOMEN / MEMBERS;
    /** Share of garment, footwear and travel-goods workers among members: 913,000 / 4,335,501 = 0.2106.
     *  ASSUMPTION in the ratio: the numerator is of 2024, the denominator up to 2021 (no same-year pair is published). */
    public static final double GARMENT_SHARE = (double) GARMENT_SECTOR_WORKERS / MEMBERS;
    /** Share of self-employed members: 100,000 / 4,335,501 = 0.0231 (2024 over 2021 figures, as above). */
    public static final double SELF_EMPLOYED_SHARE = (double) SELF_EMPLOYED_MEMBERS / MEMBERS;
    /** Share of public employees: 430,000 / 4,335,501 = 0.0992. ASSUMPTION: former civil servants and veterans are
     *  drawn as public employees (the profile has no "retired civil servant" status). */
    public static final double PUBLIC_SHARE = (double) PUBLIC_MEMBERS / MEMBERS;
    /** Informal workers registered by an employer (Prakas 404, voluntary scheme law (docs/law.md)). ASSUMPTION: 1 %; no count is published. */
    public static final double INFORMAL_SHARE = 0.01;
    /** Employees under the Labour Law: the rest, 1 − 0.0992 − 0.0231 − 0.01 = 0.8677. */
    public static final double EMPLOYEE_SHARE = 1 - PUBLIC_SHARE - SELF_EMPLOYED_SHARE - INFORMAL_SHARE;
    /** Probability that an employee is in the garment, footwear or travel-goods sector: 0.2106 / 0.8677 = 0.2427. */
    public static final double GARMENT_AMONG_EMPLOYEES = GARMENT_SHARE / EMPLOYEE_SHARE;
    /** Share of employees (Labour Law) still employed in the last month of the history window:
     *  1,560,000 / (4,335,501 × 0.8677) = 0.4147 (published aggregates: pension-scheme workers over employee members). The others
     *  left formal work at some month of the window. ASSUMPTION: the same share applies to informal workers; the
     *  month of leaving is uniform over the window (no source gives dates of leaving). */
    public static final double ACTIVE_EMPLOYEE_SHARE = PENSION_SCHEME_WORKERS / (MEMBERS * EMPLOYEE_SHARE);
    /** ASSUMPTION: public employees rarely leave: 95 % still employed at the end of the window. */
    public static final double ACTIVE_PUBLIC_SHARE = 0.95;
    /** Childbirths per woman member per year: 80,000 / 1,633,583 = 0.0490 (published aggregates). Births are drawn only for women
     *  aged 18 to 45 at the end of the window (ASSUMPTION), at the rate that gives 0.0490 over all women. */
    public static final double CHILDBIRTHS_PER_WOMAN_YEAR = (double) CHILDBIRTHS_PER_YEAR / MEMBERS_WOMEN;
    /** Mean workers per garment factory: 913,000 / 1,538 = 594 (garment minimum wages, D). */
    public static final double GARMENT_ENTERPRISE_MEAN = (double) GARMENT_SECTOR_WORKERS / GARMENT_SECTOR_FACTORIES;
    /** Mean workers per enterprise of the pension scheme: 1,560,000 / 21,288 = 73 (pension-scheme figures, D); used for the other sectors. */
    public static final double OTHER_ENTERPRISE_MEAN = (double) PENSION_SCHEME_WORKERS / PENSION_SCHEME_ENTERPRISES;

    // ---- legal and market facts of the reference used to shape histories ------------------------------------

    /** Garment, footwear and travel-goods minimum wage, US$ per month, from 1 January of the year (garment minimum wages, 2014 to 2026;
     *  2014 C2 with the start month unknown). Years after 2026 keep 210: ASSUMPTION (no later figure is published). */
    private static final int FIRST_MINIMUM_WAGE_YEAR = 2014;
    private static final int[] GARMENT_MINIMUM_WAGE_USD = {
        100, // 2014 garment minimum wages
        128, // 2015 garment minimum wages
        140, // 2016 garment minimum wages
        153, // 2017 garment minimum wages
        170, // 2018 garment minimum wages
        182, // 2019 garment minimum wages
        190, // 2020 garment minimum wages
        192, // 2021 garment minimum wages
        194, // 2022 garment minimum wages
        200, // 2023 garment minimum wages
        204, // 2024 garment minimum wages
        208, // 2025 garment minimum wages
        210, // 2026 garment minimum wages
    };
    /** Riel per US dollar for USD wages: about 4,100 (NSSF's exchange rates uses ≈ 4,100; the
     *  reference rates seen are 4,103 in 2018 and about 4,098 in 2022, see the currency note at the top of the
     *  reference). ASSUMPTION: one rate for every month. */
    public static final long RIEL_PER_DOLLAR = 4_100L;
    /** First month of voluntary health care for self-employed members (pilot from 2023-04-01, voluntary scheme law (docs/law.md), health-care law (docs/law.md)). */
    public static final YearMonth VOLUNTARY_HEALTH_CARE_START = YearMonth.of(2023, 4);
    /** A self-employed member must be under 60 to join voluntary health care (who is covered (docs/law.md)). */
    public static final int SELF_EMPLOYED_MAX_AGE = 59;
    /** The self-employed contribution is flat (15,600 KHR, health-care law (docs/law.md)); the declared wage is 600,000 KHR, the notional wage
     *  15,600 = 2.6 % × 600,000 suggests (health-care law (docs/law.md) note, D, not confirmed). It does not change any amount. */
    public static final long SELF_EMPLOYED_DECLARED_WAGE = 600_000L;
    /** Pensionable age 60 (pension law (docs/law.md)): retirement claims are drawn around the 60th birthday. */
    public static final int PENSIONABLE_AGE = 60;

    // ---- our assumptions (no published figure) ---------------------------------------------------------------

    /** ASSUMPTION: share of women in the garment sector, "the large majority" (published aggregates, S). 80 %. The overall 37.7 % of
     *  women then fixes the share in the other groups (next constant). Cross-check: 62.6 % of the pension scheme's
     *  employees were women in 2022 (pension-scheme figures: 836,288 of 1,335,609). */
    public static final double FEMALE_SHARE_GARMENT = 0.80;
    /** Share of women outside the garment sector, so that the whole population has {@link #FEMALE_SHARE}:
     *  (0.3768 − 0.2106 × 0.80) / (1 − 0.2106) = 0.2639. */
    public static final double FEMALE_SHARE_OTHER = (FEMALE_SHARE - GARMENT_SHARE * FEMALE_SHARE_GARMENT) / (1 - GARMENT_SHARE);
    /** ASSUMPTION: split of the garment-sector share: garment 85 %, footwear 10 %, travel goods 5 %. */
    public static final int[] GARMENT_SPLIT_PERCENT = {85, 10, 5};
    /** ASSUMPTION: sectors of the other employees, percent: construction, hospitality, transport, trade, domestic
     *  work, agriculture, other. */
    public static final int[] OTHER_SECTORS_PERCENT = {15, 12, 10, 25, 3, 5, 30};
    /** ASSUMPTION: sectors of self-employed members, percent: trade, transport, construction, in the order the law (docs/law.md) rule
     *  5 reports them (S81: "mostly traders, then tuk-tuk drivers and construction workers"). */
    public static final int[] SELF_EMPLOYED_SECTORS_PERCENT = {55, 30, 15};
    /** ASSUMPTION: sectors of informal workers, percent: domestic work, agriculture, construction, hospitality. */
    public static final int[] INFORMAL_SECTORS_PERCENT = {40, 30, 20, 10};

    /** ASSUMPTION: age bands at the end of the window {from, to, percent}; garment workers are young. */
    public static final int[][] AGES_GARMENT = {{18, 24, 30}, {25, 34, 45}, {35, 44, 20}, {45, 54, 5}};
    public static final int[][] AGES_EMPLOYEE = {{18, 24, 15}, {25, 34, 30}, {35, 44, 25}, {45, 54, 18}, {55, 59, 7}, {60, 64, 5}};
    public static final int[][] AGES_PUBLIC = {{22, 24, 5}, {25, 34, 25}, {35, 44, 30}, {45, 54, 25}, {55, 59, 10}, {60, 64, 5}};
    public static final int[][] AGES_SELF_EMPLOYED = {{20, 24, 10}, {25, 34, 30}, {35, 44, 30}, {45, 54, 22}, {55, 59, 8}};
    /** ASSUMPTION: childbirths only to women aged 18 to 45 at the end of the window. */
    public static final int FERTILE_FROM = 18;
    public static final int FERTILE_TO = 45;
    /** ASSUMPTION: twins in 1.2 % of deliveries. */
    public static final double TWIN_SHARE = 0.012;
    /** ASSUMPTION: 90 % of deliveries at 37 to 41 weeks, the rest at 28 to 36 (all above the 26 weeks of health-care law (docs/law.md)). */
    public static final double TERM_SHARE = 0.90;
    /** ASSUMPTION: 90 % notify NSSF 3 to 6 months before delivery (the deadline is 3 months, health-care law), 10 % late. */
    public static final double NOTIFIED_ON_TIME_SHARE = 0.90;

    /** ASSUMPTION: 20 % of employees started their job during the window (the others before it). */
    public static final double JOINED_IN_WINDOW_SHARE = 0.20;
    /** ASSUMPTION: wage of non-garment employees, log-normal with median 1,000,000 KHR and σ 0.55 (about 28 % above
     *  the 1,200,000 pension ceiling), rising 3 % each January. */
    public static final long EMPLOYEE_MEDIAN_WAGE = 1_000_000L;
    public static final double EMPLOYEE_WAGE_SIGMA = 0.55;
    public static final double YEARLY_RAISE = 0.03;
    /** ASSUMPTION: public employees' wage, median 1,100,000 KHR, σ 0.35. */
    public static final long PUBLIC_MEDIAN_WAGE = 1_100_000L;
    public static final double PUBLIC_WAGE_SIGMA = 0.35;
    /** ASSUMPTION: informal workers' wage, median 500,000 KHR, σ 0.40. */
    public static final long INFORMAL_MEDIAN_WAGE = 500_000L;
    public static final double INFORMAL_WAGE_SIGMA = 0.40;
    /** ASSUMPTION: of the garment workers not declared below the minimum, 40 % are declared at it, the others 1 % to 30 % above. */
    public static final double GARMENT_AT_MINIMUM_SHARE = 0.40;
    public static final int GARMENT_MAX_ABOVE_PERCENT = 30;
    /** ASSUMPTION: 3 % of garment workers are declared below the minimum wage (85 % to 99 % of it) for their whole
     *  history: the breaches the compliance rules look for. */
    public static final double GARMENT_BELOW_MINIMUM_SHARE = 0.03;
    /** ASSUMPTION: 5 % of employees have one unpaid stretch of 1 to 6 months. */
    public static final double UNPAID_STRETCH_SHARE = 0.05;
    public static final int UNPAID_STRETCH_MAX_MONTHS = 6;
    /** ASSUMPTION: 10 % of self-employed members stop paying after some months (voluntary abandonment after more than
     *  6 unpaid months, voluntary scheme law (docs/law.md), when the window allows). */
    public static final double SELF_EMPLOYED_STOP_SHARE = 0.10;
    /** ASSUMPTION: enterprise sizes are log-normal with σ 0.9 (garment) and 1.8 (others) around the means above. */
    public static final double GARMENT_ENTERPRISE_SIGMA = 0.9;
    public static final double OTHER_ENTERPRISE_SIGMA = 1.8;

    /** ASSUMPTION: deaths 3 per 1,000 members a year at working age; 10 % of them work-related. */
    public static final double DEATHS_PER_YEAR = 0.003;
    public static final double DEATH_WORK_RELATED_SHARE = 0.10;
    /** ASSUMPTION: work injuries 1.2 % a year (3 % in construction and transport), 40 % on the commute, 8 % with a
     *  permanent degree of 5 % to 80 %; temporary incapacity geometric, mean 14 days, at most 180. */
    public static final double INJURIES_PER_YEAR = 0.012;
    public static final double INJURIES_PER_YEAR_RISKY = 0.03;
    public static final double COMMUTING_SHARE = 0.40;
    public static final double PERMANENT_INJURY_SHARE = 0.08;
    public static final double MEAN_INCAPACITY_DAYS = 14;
    /** ASSUMPTION: 5 % of members a year are off sick, geometric mean 6 days, at most 60. */
    public static final double SICKNESS_PER_YEAR = 0.05;
    public static final double MEAN_SICK_DAYS = 6;
    /** ASSUMPTION: 90 % of members reaching 60 in the window claim within 90 days of the birthday. */
    public static final double RETIREMENT_CLAIM_SHARE = 0.90;
    /** ASSUMPTION: a deceased member aged 25 or more leaves a spouse in 75 % of cases, and 0 to 3 children. */
    public static final double SPOUSE_SHARE = 0.75;

    /** @return the garment minimum wage in US$ for a month (garment minimum wages); null before 2014, 210 after 2026 (assumption) */
    public static Integer garmentMinimumWageUsd(YearMonth month) {
        int i = month.getYear() - FIRST_MINIMUM_WAGE_YEAR;
        if (i < 0) return null;
        return GARMENT_MINIMUM_WAGE_USD[Math.min(i, GARMENT_MINIMUM_WAGE_USD.length - 1)];
    }

    /** @return the last year with a published garment minimum wage (garment minimum wages) */
    public static int lastPublishedMinimumWageYear() {
        return FIRST_MINIMUM_WAGE_YEAR + GARMENT_MINIMUM_WAGE_USD.length - 1;
    }

    /** First day the generator accepts as the end of the window: histories start 35 months earlier, in 2014 at the
     *  earliest, the first year with a garment minimum wage in the table above. */
    public static final LocalDate FIRST_UNTIL = LocalDate.of(2016, 12, 1);
    /** Last day the generator accepts as the end of the window (the rule base covers months to 2060-12). */
    public static final LocalDate LAST_UNTIL = LocalDate.of(2060, 12, 31);
}
