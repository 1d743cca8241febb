"""Forms for teaching: grading code from the preview, starting a regrade, creating a class."""

from __future__ import annotations

from flask_wtf import FlaskForm
from gradekit.spec import MAX_LEARNER_FILE_BYTES
from wtforms import StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, Length

from learnpath.auth.forms import strip


class PreviewForm(FlaskForm):
    """Built per exercise by `preview_form`, which adds a `file_<n>` field per file."""

    file_names: tuple[str, ...] = ()
    reference = SubmitField("Grade the reference solution")
    pasted = SubmitField("Grade this code")

    def file_fields(self) -> list[tuple[str, TextAreaField]]:
        return [(name, self[f"file_{index}"]) for index, name in enumerate(self.file_names)]

    def files(self) -> dict[str, str]:
        return {name: (field.data or "").replace("\r\n", "\n") for name, field in self.file_fields()}


def preview_form(file_names: list[str], initial: dict[str, str]) -> PreviewForm:
    fields = {
        f"file_{index}": TextAreaField(
            name, default=initial.get(name, ""),
            validators=[Length(max=MAX_LEARNER_FILE_BYTES, message=f"{name} is too long.")],
        )
        for index, name in enumerate(file_names)
    }
    form_class = type("ExercisePreviewForm", (PreviewForm,), fields)
    form_class.file_names = tuple(file_names)
    return form_class()


class RegradeForm(FlaskForm):
    submit = SubmitField("Regrade them")


class ClassForm(FlaskForm):
    name = StringField("Class name", filters=[strip], validators=[DataRequired(), Length(max=120)])
    submit = SubmitField("Create the class")
