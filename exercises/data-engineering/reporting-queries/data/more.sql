INSERT INTO customers (id, name, city) VALUES (8, 'Hana Ito', 'Osaka');
INSERT INTO categories (id, name) VALUES (6, 'Plants');
INSERT INTO orders (id, customer_id, created_at) VALUES (200, 6, '2024-05-02 10:00:00');
INSERT INTO order_items (order_id, product_id, quantity, unit_price) VALUES (200, 2, 5, 550.0);
INSERT INTO orders (id, customer_id, created_at) VALUES (201, 8, '2024-05-30 23:59:59');
INSERT INTO order_items (order_id, product_id, quantity, unit_price) VALUES (201, 5, 1, 74.0);
INSERT INTO order_items (order_id, product_id, quantity, unit_price) VALUES (201, 6, 2, 29.9);
