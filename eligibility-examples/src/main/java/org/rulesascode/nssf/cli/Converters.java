package org.rulesascode.nssf.cli;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Strict ISO converters for {@code --month} and the date options, with messages a person can act on. */
final class Converters {
    private Converters() { }

    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    /** {@code 2025-06}; range checks are the API records' business. */
    static final class MonthConverter implements ITypeConverter<YearMonth> {
        @Override
        public YearMonth convert(String value) {
            String s = value.trim();
            if (MONTH.matcher(s).matches()) {
                try {
                    return YearMonth.parse(s);
                } catch (DateTimeParseException e) {
                    // falls through: month 00 or 13
                }
            }
            throw new TypeConversionException("'" + value + "' is not a month YYYY-MM");
        }
    }

    /** {@code 2025-06-30}, strictly: 2025-02-30 is refused. */
    static final class DateConverter implements ITypeConverter<LocalDate> {
        @Override
        public LocalDate convert(String value) {
            String s = value.trim();
            if (DATE.matcher(s).matches()) {
                try {
                    return LocalDate.parse(s);
                } catch (DateTimeParseException e) {
                    throw new TypeConversionException("'" + value + "' is not a calendar date");
                }
            }
            throw new TypeConversionException("'" + value + "' is not a date YYYY-MM-DD");
        }
    }
}
