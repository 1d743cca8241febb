"""The form for joining a class."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import StringField, SubmitField
from wtforms.validators import DataRequired, Length


def normalize_code(value: str | None) -> str | None:
    return "".join(value.split()).upper() if value else value


class JoinForm(FlaskForm):
    code = StringField("Invite code", filters=[normalize_code], validators=[DataRequired(), Length(max=32)],
                       description="The code your instructor gave you, for example K7MPQ2XR.")
    submit = SubmitField("Join")
