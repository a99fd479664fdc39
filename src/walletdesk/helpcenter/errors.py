from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from walletdesk.core.errors import DomainError, NotFound, ValidationFailed


class ArticleNotFound(NotFound):
    code = "article_not_found"
    message = _("No such article.")


class ArticleInvalid(ValidationFailed):
    code = "article_invalid"
    message = _("The article is invalid.")


class SearchQueryInvalid(ValidationFailed):
    """A search the API cannot run (too long, a bad limit or locale): not an article's fault."""

    code = "search_query_invalid"
    message = _("The search is invalid.")


class ImportFileInvalid(ValidationFailed):
    """One Markdown file of an import folder cannot be read; carries the file's line."""

    code = "import_file_invalid"

    def __init__(self, message: str, *, line: int = 1) -> None:
        super().__init__(message, details={"line": line})
        self.line = line


class ImportFolderMissing(DomainError):
    code = "import_folder_missing"
    status = 400
    message = _("The folder does not exist.")


class SearchEventNotFound(NotFound):
    code = "search_event_not_found"
    message = _("No such search.")
