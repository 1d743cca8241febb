CREATE TABLE customers (id INTEGER, email TEXT, name TEXT, country TEXT, phone TEXT);
CREATE TABLE orders (id INTEGER, customer_id INTEGER, amount REAL, created_at TEXT);
INSERT INTO customers VALUES (1, 'gus@example.com', 'Gus Hara', 'IE', NULL);
INSERT INTO customers VALUES (2, 'hana@example.com', 'Hana Ito', 'JP', '+81 3 1234 5678');
INSERT INTO customers VALUES (3, 'ines@example.com', 'Ines Costa', 'PT', NULL);
INSERT INTO orders VALUES (201, 1, 10.0, '2024-06-01');
INSERT INTO orders VALUES (202, 2, 0.0, '2024-06-02');
INSERT INTO orders VALUES (203, 2, 99.0, '2024-06-03');
