from fastapi import FastAPI
from pydantic import BaseModel

app = FastAPI()


class OrderItem(BaseModel):
    # TODO: sku (text, 1 to 20 characters), quantity (whole number, 1 to 99),
    #       unit_price (number greater than 0). Reject unknown keys.
    sku: str


class Order(BaseModel):
    # TODO: customer (text, 1 to 100 characters), items (at least one OrderItem),
    #       note (optional text of at most 200 characters, null when missing).
    #       Reject unknown keys.
    customer: str


@app.post("/orders")
def create_order(order: Order) -> dict:
    # TODO: answer with customer, item_count, total and note.
    return {"customer": order.customer}
