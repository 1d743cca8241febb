CREATE TABLE customers (id INTEGER, email TEXT, name TEXT, country TEXT);
CREATE TABLE orders (id INTEGER, customer_id INTEGER, amount REAL, created_at TEXT, channel TEXT);
