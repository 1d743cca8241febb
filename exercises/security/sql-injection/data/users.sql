-- The user table of a small web application, with some sample accounts.
CREATE TABLE users (
    id       INTEGER PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    email    TEXT NOT NULL,
    role     TEXT NOT NULL CHECK (role IN ('user', 'admin'))
);

INSERT INTO users (id, username, email, role) VALUES
    (1, 'alice',   'alice@example.com',       'admin'),
    (2, 'bob',     'bob@example.org',         'user'),
    (3, 'carol',   'carol.smith@example.com', 'user'),
    (4, 'dave',    'dave@corp.example',       'user'),
    (5, 'o''brien', 'obrien@example.ie',      'user'),
    (6, 'dev_ops', 'devops@example.com',      'admin'),
    (7, 'erin',    'erin@example.com',        'user'),
    (8, 'frank',   'frank@mail.example',      'user');
