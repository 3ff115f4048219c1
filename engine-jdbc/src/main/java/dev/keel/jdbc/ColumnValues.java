package dev.keel.jdbc;

import java.util.AbstractMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * One result row as a map from lower-case column label to value, backed by an array and a column index shared
 * by every row of a result, so reading thousands of history rows does not build thousands of hash maps.
 * SQL NULL columns are absent.
 */
final class ColumnValues extends AbstractMap<String, Object> {

    private final Map<String, Integer> index;
    private final Object[] values;

    ColumnValues(Map<String, Integer> index, Object[] values) {
        this.index = index;
        this.values = values;
    }

    @Override
    public Object get(Object key) {
        Integer i = index.get(key);
        return i == null ? null : values[i];
    }

    @Override
    public boolean containsKey(Object key) {
        return get(key) != null;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        Set<Entry<String, Object>> entries = new LinkedHashSet<>();
        index.forEach((label, i) -> {
            if (values[i] != null) {
                entries.add(new SimpleImmutableEntry<>(label, values[i]));
            }
        });
        return entries;
    }
}
