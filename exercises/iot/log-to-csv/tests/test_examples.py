import csv
import io

PORT = "/dev/ttyACM0"


def test_three_rows(submission, device):
    """log_readings() writes a header and three rows"""
    text = submission.log_readings(PORT, "example.csv", 3)
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows[0] == ["timestamp", "temperature", "humidity", "light"]
    assert len(rows) == 4
