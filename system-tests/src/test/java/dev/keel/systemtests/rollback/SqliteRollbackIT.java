package dev.keel.systemtests.rollback;

import java.nio.file.Path;

/** {@link RollbackContract} on a SQLite file. */
class SqliteRollbackIT extends RollbackContract {

    @Override
    Db newDatabase(Path dir) {
        return Db.sqlite(dir);
    }
}
