"""The submission form: one text area per learner file, and the two ways to send it."""

from __future__ import annotations

from flask_wtf import FlaskForm
from gradekit.spec import MAX_LEARNER_FILE_BYTES
from wtforms import SubmitField, TextAreaField
from wtforms.validators import Length


class SubmissionForm(FlaskForm):
    """Built per exercise by `submission_form`, which adds a `file_<n>` field per file."""

    file_names: tuple[str, ...] = ()
    submit = SubmitField("Submit")
    examples = SubmitField("Run examples")

    def file_fields(self) -> list[tuple[str, TextAreaField]]:
        return [(name, self[f"file_{index}"]) for index, name in enumerate(self.file_names)]

    def files(self) -> dict[str, str]:
        """The learner's files, with the browser's CRLF line ends made plain newlines."""
        return {name: (field.data or "").replace("\r\n", "\n") for name, field in self.file_fields()}

    @property
    def mode(self) -> str:
        return "examples" if self.examples.data else "submit"


def submission_form(file_names: list[str], initial: dict[str, str]) -> SubmissionForm:
    fields = {
        f"file_{index}": TextAreaField(
            name,
            default=initial.get(name, ""),
            validators=[Length(max=MAX_LEARNER_FILE_BYTES, message=f"{name} is too long.")],
        )
        for index, name in enumerate(file_names)
    }
    form_class = type("ExerciseSubmissionForm", (SubmissionForm,), fields)
    form_class.file_names = tuple(file_names)
    return form_class()
