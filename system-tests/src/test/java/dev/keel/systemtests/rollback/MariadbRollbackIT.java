package dev.keel.systemtests.rollback;

import java.nio.file.Path;

/** {@link RollbackContract} on a new database on the local MariaDB server (each DOWN statement by statement: no snapshot in production). */
class MariadbRollbackIT extends RollbackContract {

    @Override
    Db newDatabase(Path dir) {
        return Db.mariadb();
    }
}
