package org.rulesascode.nssf.cli.population;

/**
 * One line of a population file, not yet read.
 *
 * @param line   line number in the file (1-based)
 * @param text   the line, without its line break
 * @param format how to read it
 */
public record Row(long line, String text, InputFormat format) implements Source {
    @Override
    public RowReader.Read read() {
        return RowReader.read(this);
    }
}
