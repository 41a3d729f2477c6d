package org.rulesascode.nssf.cli.population;

/** One input of a population run: a line of a file, or a generated person. Reading it may be costly: workers do it. */
public interface Source {
    /** @return the line number (1-based) in the input */
    long line();

    /** @return the profile, or why it cannot be read */
    RowReader.Read read();
}
