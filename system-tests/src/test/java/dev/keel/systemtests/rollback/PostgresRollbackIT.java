package dev.keel.systemtests.rollback;

import java.nio.file.Path;

/** {@link RollbackContract} on a new database on the local PostgreSQL server. */
class PostgresRollbackIT extends RollbackContract {

    @Override
    Db newDatabase(Path dir) {
        return Db.postgres();
    }
}
