CREATE TABLE customers (id INTEGER, email TEXT, name TEXT, country TEXT);
CREATE TABLE orders (id INTEGER, customer_id INTEGER, amount REAL, created_at TEXT);
INSERT INTO customers VALUES (1, 'jo@example.com', 'Jo', 'NZ');
INSERT INTO customers VALUES (2, NULL, 'Kim', 'NZ');
INSERT INTO customers VALUES (3, 'lu@example.com', NULL, NULL);
INSERT INTO orders VALUES (301, 1, 5.0, NULL);
INSERT INTO orders VALUES (302, 3, 7.0, '2024-07-01');
