package dev.keel.spi.dialect;

import dev.keel.spi.migration.SqlStatement;
import dev.keel.spi.Api;
import dev.keel.spi.KeelException;
import java.util.List;

/**
 * Cuts a script into statements, knowing its language's quoting, comments and blocks.
 * Comment-only stretches produce no statement.
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public interface StatementSplitter {

    /**
     * Splits a script.
     *
     * @param sql       the script text
     * @param file      the file name, for error locations
     * @param firstLine the line of the file at which {@code sql} starts (1 for a whole file)
     * @return the statements, in order
     * @throws KeelException {@code UNTERMINATED_QUOTE}, {@code UNTERMINATED_COMMENT} or
     *     {@code UNTERMINATED_BLOCK} with the file and line where the construct opened
     */
    List<SqlStatement> split(String sql, String file, int firstLine);
}
