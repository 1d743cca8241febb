import calendar


def is_leap(year):
    """True when `year` is a leap year in the Gregorian calendar."""
    return calendar.isleap(year)
