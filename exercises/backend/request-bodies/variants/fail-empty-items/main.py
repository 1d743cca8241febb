from typing import Annotated

from fastapi import FastAPI
from pydantic import BaseModel, ConfigDict, Field

app = FastAPI()


class OrderItem(BaseModel):
    model_config = ConfigDict(extra="forbid")

    sku: Annotated[str, Field(min_length=1, max_length=20)]
    quantity: Annotated[int, Field(ge=1, le=99)]
    unit_price: Annotated[float, Field(gt=0)]


class Order(BaseModel):
    model_config = ConfigDict(extra="forbid")

    customer: Annotated[str, Field(min_length=1, max_length=100)]
    items: list[OrderItem]
    note: Annotated[str | None, Field(max_length=200)] = None


class OrderSummary(BaseModel):
    customer: str
    item_count: int
    total: float
    note: str | None


@app.post("/orders")
def create_order(order: Order) -> OrderSummary:
    return OrderSummary(
        customer=order.customer,
        item_count=sum(item.quantity for item in order.items),
        total=round(sum(item.quantity * item.unit_price for item in order.items), 2),
        note=order.note,
    )
