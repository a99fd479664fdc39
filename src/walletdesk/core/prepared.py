"""Hot paths that run the same small statement on every request, compiled to SQL only once."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db import DEFAULT_DB_ALIAS, connections
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
    integers, or strings when `text_keys` is set."""

    # Keys no row has, to find where the real key goes (the integer fits 32-bit keys).
    _STAND_IN = -1_308_411_227
    _TEXT_STAND_IN = "walletdesk-prepared-stand-in-key"

    def __init__(self, build: Callable[[Any], QuerySet[Any]], *, text_keys: bool = False) -> None:
        self._build = build
        self._stand_in: int | str = self._TEXT_STAND_IN if text_keys else self._STAND_IN
        self._compiled: dict[str, tuple[str, tuple[Any, ...], int, dict[int, Any]]] = {}

    def rows(self, key: int | str) -> list[tuple[Any, ...]]:
        # An integer no database column holds (SQLite would overflow) finds nothing.
        if isinstance(key, int) and not -(2**63) <= key < 2**63:
            return []
        connection = connections[DEFAULT_DB_ALIAS]
        compiled = self._compiled.get(connection.vendor)
        if compiled is None:
            compiled = self._compiled[connection.vendor] = self._compile(connection)
        sql, params, slot, converters = compiled
        bound = list(params)
        bound[slot] = key
        with connection.cursor() as cursor:
            cursor.execute(sql, bound)
            rows = cursor.fetchall()
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


class PreparedObjects:
    """Model instances with their related objects filled in, as `select_related(*related)` gives
    them, from one PreparedRows query (`related`: forward foreign keys and one-to-one relations,
    either direction, e.g. ("customer", "assignee", "assignee__agent_profile"))."""

    def __init__(
        self, model: type[Model], related: tuple[str, ...], build: Callable[[int], QuerySet[Any]]
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
        self._rows = PreparedRows(lambda key: build(key).values_list(*columns))

    def objects(self, key: int) -> list[Any]:
        found = []
        for row in self._rows.rows(key):
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

    def usable(self) -> bool:
        return not (pre_save.has_listeners(self.model) or post_save.has_listeners(self.model))

    def columns(self, connection: Any, *, skip: str | None = None) -> list[str]:
        """The quoted column names in `values()` order (`skip`: a field name left out)."""
        quote = connection.ops.quote_name
        return [quote(f.column) for f in self.fields if f.name != skip]

    def values(self, obj: Model, connection: Any, *, skip: str | None = None) -> list[Any]:
        return [
            f.get_db_prep_save(f.pre_save(obj, add=True), connection) for f in self.fields if f.name != skip
        ]

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
            cursor.execute(sql, self.values(obj, connection))
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
