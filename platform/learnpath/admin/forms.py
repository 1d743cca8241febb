"""Forms for administration."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import HiddenField, IntegerField
from wtforms.validators import AnyOf, DataRequired
from wtforms.widgets import HiddenInput


class RoleForm(FlaskForm):
    """Set one user's role; an admin's own role is changed from the command line only."""

    user_id = IntegerField(widget=HiddenInput(), validators=[DataRequired()])
    role = HiddenField(validators=[AnyOf(["learner", "instructor"], message="Choose learner or instructor.")])
