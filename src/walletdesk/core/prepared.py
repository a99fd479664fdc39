"""Hot paths that run the same small statement on every request, compiled to SQL only once."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from django.db import DEFAULT_DB_ALIAS, connections, models
from django.db.models import Model, QuerySet
from django.db.models.signals import post_save, pre_save


class PreparedRows:
    """A `values_list` query compiled to SQL once per database and then run with a new key.

    Django compiles a queryset on every evaluation; for the ticket page's small indexed lookups
    that compilation cost about ten times the database's own work (0.5-1.7 ms of CPU each against
    ~0.08 ms for running the SELECT). The SQL and the converters Django applies to each column
    (JSON, and datetimes on SQLite) come from an ordinary queryset, so the ORM stays the source of
    truth for joins, quoting and types; only the repeated compilation is skipped.
    `build(key)` makes the queryset; `key` must appear exactly once among its parameters. Keys are
    integers, or strings when `text_keys` is set. `server_prepared`: PostgreSQL also parses and
    plans it once per connection (`server_prepared_cursor`); for the lookups every request makes."""

    # Keys no row has, to find where the real key goes (the integer fits 32-bit keys).
    _STAND_IN = -1_308_411_227
    _TEXT_STAND_IN = "walletdesk-prepared-stand-in-key"

    def __init__(
        self, build: Callable[[Any], QuerySet[Any]], *, text_keys: bool = False, server_prepared: bool = False
    ) -> None:
        self._build = build
        self._cursor = server_prepared_cursor if server_prepared else _django_cursor
        self._stand_in: int | str = self._TEXT_STAND_IN if text_keys else self._STAND_IN
        self._compiled: dict[str, tuple[str, tuple[Any, ...], int, dict[int, Any]]] = {}

    def rows(self, key: int | str) -> list[tuple[Any, ...]]:
        # An integer no database column holds (SQLite would overflow) finds nothing.
        if isinstance(key, int) and not -(2**63) <= key < 2**63:
            return []
        connection = connections[DEFAULT_DB_ALIAS]
        sql, bound = self.statement(connection, key)
        with self._cursor(connection) as cursor:
            execute(connection, cursor, sql, bound)
            rows = cursor.fetchall()
        return self.converted(connection, rows)

    @property
    def server_prepared(self) -> bool:
        return self._cursor is server_prepared_cursor

    def statement(self, connection: Any, key: int | str) -> tuple[str, list[Any]]:
        """The SQL and its parameters for `key`."""
        compiled = self._compiled.get(connection.vendor)
        if compiled is None:
            compiled = self._compiled[connection.vendor] = self._compile(connection)
        sql, params, slot, _ = compiled
        bound = list(params)
        bound[slot] = key
        return sql, bound

    def converted(self, connection: Any, rows: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
        """Fetched rows with Django's column converters applied."""
        converters = self._compiled[connection.vendor][3]
        if not converters:
            return rows
        converted = []
        for row in rows:
            values = list(row)
            for position, (functions, expression) in converters.items():
                value = values[position]
                for convert in functions:
                    value = convert(value, expression, connection)
                values[position] = value
            converted.append(tuple(values))
        return converted

    def _compile(self, connection: Any) -> tuple[str, tuple[Any, ...], int, dict[int, Any]]:
        compiler = self._build(self._stand_in).query.get_compiler(connection=connection)
        sql, params = compiler.as_sql()
        slots = [i for i, value in enumerate(params) if value == self._stand_in]
        if len(slots) != 1:
            raise RuntimeError(f"the prepared query must use its key exactly once: {sql}")
        columns = [selected[0] for selected in compiler.select[: compiler.col_count]]
        return sql, tuple(params), slots[0], compiler.get_converters(columns)


def rows_together(queries: list[tuple[PreparedRows, int]]) -> list[list[tuple[Any, ...]]]:
    """`[query.rows(key) for query, key in queries]`, on PostgreSQL in one round trip.

    A page that needs several independent lookups waited for each answer before sending the
    next question; psycopg's pipeline mode sends them all and then reads the answers, so the
    page pays one network round trip (and one wake-up of the server process) instead of one per
    query. Each statement is still parsed and planned once per connection. Elsewhere, when
    queries are logged (tests, DEBUG) or an execute wrapper is installed (so both see every
    statement), or under psycopg2, the queries run one after another."""
    connection = connections[DEFAULT_DB_ALIAS]
    options = connection.settings_dict.get("OPTIONS") or {}
    classes = _preparing_classes() if connection.vendor == "postgresql" else None
    sequential = (
        classes is None
        or connection.queries_logged
        or connection.execute_wrappers
        or ("prepare_threshold" in options and options["prepare_threshold"] is None)
        or not all(query.server_prepared for query, _ in queries)
        or any(not -(2**63) <= key < 2**63 for _, key in queries)
    )
    if sequential:
        return [query.rows(key) for query, key in queries]
    statements = [query.statement(connection, key) for query, key in queries]
    connection.close_if_health_check_failed()
    connection.ensure_connection()
    connection.validate_no_broken_transaction()
    connection.validate_thread_sharing()
    raw_connection = connection.connection
    if raw_connection.prepare_threshold is None:
        raw_connection.prepare_threshold = NEVER_BY_COUNT  # as server_prepared_cursor says
    preparing_cursor = classes[0]
    with connection.wrap_database_errors:
        cursors = [preparing_cursor(raw_connection) for _ in statements]
        try:
            with raw_connection.pipeline():
                for cursor, (sql, bound) in zip(cursors, statements, strict=True):
                    cursor.execute(sql, bound)
            fetched = [cursor.fetchall() for cursor in cursors]
        finally:
            for cursor in cursors:
                cursor.close()
    return [query.converted(connection, rows) for (query, _), rows in zip(queries, fetched, strict=True)]


class PreparedObjects:
    """Model instances with their related objects filled in, as `select_related(*related)` gives
    them, from one PreparedRows query (`related`: forward foreign keys and one-to-one relations,
    either direction, e.g. ("customer", "assignee", "assignee__agent_profile")).
    `server_prepared` as for PreparedRows."""

    def __init__(
        self,
        model: type[Model],
        related: tuple[str, ...],
        build: Callable[[int], QuerySet[Any]],
        *,
        server_prepared: bool = False,
    ) -> None:
        self.model = model
        self._parts: list[tuple[str, type[Model], tuple[str, ...], int, str, Any]] = []
        models: dict[str, type[Model]] = {"": model}
        columns: list[str] = []
        for path in ("", *related):
            parent_path, _, name = path.rpartition("__")
            relation = models[parent_path]._meta.get_field(name) if path else None
            part_model = relation.related_model if relation is not None else model
            models[path] = part_model
            names = tuple(f.attname for f in part_model._meta.concrete_fields)
            pk_index = names.index(part_model._meta.pk.attname)
            self._parts.append((path, part_model, names, pk_index, parent_path, relation))
            columns += [f"{path}__{n}" if path else n for n in names]
        self._rows = PreparedRows(
            lambda key: build(key).values_list(*columns), server_prepared=server_prepared
        )

    def objects(self, key: int) -> list[Any]:
        return self.from_rows(self._rows.rows(key))

    @property
    def prepared_rows(self) -> PreparedRows:
        return self._rows

    def from_rows(self, rows: list[tuple[Any, ...]]) -> list[Any]:
        """The instances for rows of `prepared_rows` (as `objects()` makes them)."""
        found = []
        for row in rows:
            made: dict[str, Any] = {}
            start = 0
            for path, part_model, names, pk_index, parent_path, relation in self._parts:
                values = row[start : start + len(names)]
                start += len(names)
                if not path:
                    made[path] = part_model.from_db(DEFAULT_DB_ALIAS, names, values)
                    continue
                parent = made[parent_path]
                obj = None
                if parent is not None and values[pk_index] is not None:
                    obj = part_model.from_db(DEFAULT_DB_ALIAS, names, values)
                if parent is not None:
                    relation.set_cached_value(parent, obj)  # a field, or the reverse one-to-one
                made[path] = obj
            found.append(made[""])
        return found


class PreparedInsert:
    """A model's INSERT with its columns worked out once, for rows written on every request.

    `Model.save()` builds and compiles an InsertQuery for each row, which cost more CPU than the
    database's own work for a new ticket's rows. This writes the columns save() writes, and
    `values()` prepares them the way save() does (`pre_save` fills auto_now dates, then
    `get_db_prep_save`), so the model stays the source of truth for columns and types. No model
    signal is sent: callers use `usable()` and fall back to save() when a receiver listens."""

    def __init__(self, model: type[Model]) -> None:
        self.model = model
        opts = model._meta
        self.fields = [f for f in opts.local_concrete_fields if not f.primary_key and not f.generated]
        for field in self.fields:
            if hasattr(field, "get_placeholder"):  # its value is not a plain parameter
                raise TypeError(f"{model.__name__}.{field.name} needs its own placeholder")
        self.table = opts.db_table
        self.pk_column = opts.pk.column
        self._insert_sql: dict[str, tuple[str, bool]] = {}
        # Per field, (value type, treatment) when get_db_prep_save() of a value of that type only
        # returns it or has the backend adapt it, through several calls (see _PLAIN_FIELDS).
        self._plain = [_plain(f) for f in self.fields]

    def usable(self) -> bool:
        return not (pre_save.has_listeners(self.model) or post_save.has_listeners(self.model))

    def columns(self, connection: Any, *, skip: str | None = None) -> list[str]:
        """The quoted column names in `values()` order (`skip`: a field name left out)."""
        quote = connection.ops.quote_name
        return [quote(f.column) for f in self.fields if f.name != skip]

    def values(self, obj: Model, connection: Any, *, skip: str | None = None) -> list[Any]:
        out = []
        ops = connection.ops
        for field, plain in zip(self.fields, self._plain, strict=True):
            if field.name == skip:
                continue
            value = getattr(obj, field.attname) if plain is not None else None
            # str subclasses (TextChoices members) pass unchanged, as CharField passes them; the
            # integer check is exact because True, an int, would become 1.
            if plain is None or not (
                value is None or type(value) is plain[0] or (plain[0] is str and isinstance(value, str))
            ):
                out.append(field.get_db_prep_save(field.pre_save(obj, add=True), connection))
            elif value is None or plain[1] == _AS_IS:
                out.append(value)
            elif plain[1] == _INTEGER:
                out.append(ops.adapt_integerfield_value(value, field.get_internal_type()))
            else:
                out.append(ops.validate_autopk_value(value))
        return out

    def statement(self, connection: Any) -> tuple[str, bool]:
        """The INSERT of `values()` (with RETURNING of the primary key where the database has it)."""
        compiled = self._insert_sql.get(connection.vendor)
        if compiled is None:
            compiled = self._insert_sql[connection.vendor] = self._compile(connection)
        return compiled

    def insert(self, obj: Model) -> None:
        """INSERT one row and give `obj` its primary key, as save() of a new object would."""
        connection = connections[DEFAULT_DB_ALIAS]
        sql, returning = self.statement(connection)
        with connection.cursor() as cursor:
            execute(connection, cursor, sql, self.values(obj, connection))
            self.saved(obj, cursor.fetchone()[0] if returning else cursor.lastrowid)

    def _compile(self, connection: Any) -> tuple[str, bool]:
        quote = connection.ops.quote_name
        columns = self.columns(connection)
        sql = f"INSERT INTO {quote(self.table)} ({', '.join(columns)}) VALUES ({', '.join(['%s'] * len(columns))})"
        returning = connection.features.can_return_columns_from_insert
        if returning:
            sql += f" RETURNING {quote(self.pk_column)}"
        return sql, returning

    @staticmethod
    def saved(obj: Model, pk: Any) -> None:
        obj.pk = pk
        obj._state.adding = False
        obj._state.db = DEFAULT_DB_ALIAS


# Django's own field classes (not subclasses, which may convert), by how get_db_prep_save() treats a
# value of the plain Python type: returned as it is (str, bool), or only adapted by the backend
# (integers: psycopg's Int2/Int4/Int8 on PostgreSQL; a foreign key to an automatic primary key:
# the backend's validate_autopk_value()). pre_save() of these fields only reads the attribute.
_AS_IS, _INTEGER, _AUTO_KEY = "as is", "integer", "auto key"
_PLAIN_FIELDS: dict[type, tuple[type, str]] = {
    models.CharField: (str, _AS_IS),
    models.TextField: (str, _AS_IS),
    models.SlugField: (str, _AS_IS),
    models.EmailField: (str, _AS_IS),
    models.BooleanField: (bool, _AS_IS),
    models.IntegerField: (int, _INTEGER),
    models.BigIntegerField: (int, _INTEGER),
    models.SmallIntegerField: (int, _INTEGER),
    models.PositiveIntegerField: (int, _INTEGER),
    models.PositiveSmallIntegerField: (int, _INTEGER),
}


def _plain(field: Any) -> tuple[type, str] | None:
    plain = _PLAIN_FIELDS.get(type(field))
    if plain is not None:
        return plain
    if type(field) is models.ForeignKey and type(field.target_field) in (
        models.AutoField,
        models.BigAutoField,
    ):
        return int, _AUTO_KEY
    return None


def _django_cursor(connection: Any) -> Any:
    return connection.cursor()


_QMARK_SQL: dict[str, str] = {}


def execute(connection: Any, cursor: Any, sql: str, params: list[Any]) -> None:
    """`cursor.execute(sql, params)` for a fixed statement, `params` a list.

    On SQLite, Django rewrites every statement's %s placeholders to ? with a regular expression
    on each execution: for a new ticket's long INSERTs that was about 3% of the instructions of
    the whole request (callgrind). The rewritten text is kept per statement here, and run as
    Django's own execute() would: after its broken-transaction check, with its error
    translation (an IntegrityError stays django.db's). When queries are logged (tests, DEBUG) or
    an execute wrapper is installed, Django's execute() runs, so both see the statement."""
    if connection.vendor != "sqlite" or connection.queries_logged or connection.execute_wrappers:
        cursor.execute(sql, params)
        return
    raw = cursor.cursor
    qmark = _QMARK_SQL.get(sql)
    if qmark is None:
        qmark = _QMARK_SQL[sql] = raw.convert_query(sql)  # Django's own rewrite, done once
    connection.validate_no_broken_transaction()
    with connection.wrap_database_errors:
        sqlite3.Cursor.execute(raw, qmark, params)


@contextmanager
def server_prepared_cursor(connection: Any) -> Iterator[Any]:
    """A cursor whose statements PostgreSQL parses and plans once per connection (elsewhere, or
    on a driver without it, the ordinary cursor).

    Django binds parameters on the client and never prepares (it sets psycopg's
    `prepare_threshold` to None so that transaction-pooling proxies work), so PostgreSQL parses,
    analyses and plans the text again on every execution: for a new ticket's WITH statement that
    was ~0.4 ms of the server's CPU, more than running it. This cursor binds on the server and
    prepares what it runs. Use it for a few fixed statements only (psycopg keeps up to
    `prepared_max` per connection); their text must be the same each time, with parameters
    PostgreSQL can type from where they are used. Behind PgBouncer it needs transaction pooling
    with `max_prepared_statements` set (1.21+) or session pooling; `prepare_threshold: None`
    written in the database's OPTIONS turns it off."""
    options = connection.settings_dict.get("OPTIONS") or {}
    opted_out = "prepare_threshold" in options and options["prepare_threshold"] is None
    classes = _preparing_classes() if connection.vendor == "postgresql" and not opted_out else None
    if classes is None:
        with connection.cursor() as cursor:
            yield cursor
        return
    preparing_cursor, debug_wrapper = classes
    connection.close_if_health_check_failed()
    connection.ensure_connection()
    raw_connection = connection.connection
    if raw_connection.prepare_threshold is None:
        # psycopg prepares nothing while the threshold is None, even when asked to; a threshold
        # no statement reaches leaves every other statement unprepared, as Django wants.
        raw_connection.prepare_threshold = NEVER_BY_COUNT
    with connection.wrap_database_errors:
        raw = preparing_cursor(raw_connection)
    connection.validate_thread_sharing()
    cursor = debug_wrapper(raw, connection) if connection.queries_logged else connection.make_cursor(raw)
    with cursor:
        yield cursor


NEVER_BY_COUNT = 2**31 - 1
_PREPARING: list[tuple[type, type] | None] = []


def _preparing_classes() -> tuple[type, type] | None:
    """psycopg 3's server-binding cursor whose execute() always asks for a prepared statement, and
    Django's query-logging wrapper for it; None under psycopg2 (no server-side binding)."""
    if not _PREPARING:
        try:
            from django.db.backends.postgresql.base import CursorDebugWrapper, ServerBindingCursor
        except ImportError:
            _PREPARING.append(None)
        else:

            class PreparingCursor(ServerBindingCursor):
                def execute(self, query: Any, params: Any = None, **options: Any) -> Any:
                    return super().execute(query, params, **{**options, "prepare": True})

            class PreparedDebugWrapper(CursorDebugWrapper):
                """Logs the statement as written (with %s and its parameters): psycopg keeps no
                text of a prepared execution for Django's last_executed_query() to read."""

                def execute(self, sql: str, params: Any = None) -> Any:
                    with self.debug_sql(sql, params):
                        return self._execute_with_wrappers(sql, params, many=False, executor=self._execute)

            _PREPARING.append((PreparingCursor, PreparedDebugWrapper))
    return _PREPARING[0]
