from fastapi import Body, FastAPI
from pydantic import BaseModel, ConfigDict, PositiveFloat, StrictInt, conint, conlist, constr


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Line(Strict):
    sku: constr(min_length=1, max_length=20)
    quantity: conint(ge=1, le=99)
    unit_price: PositiveFloat


class NewOrder(Strict):
    customer: constr(min_length=1, max_length=100)
    items: conlist(Line, min_length=1)
    note: constr(max_length=200) | None = None


app = FastAPI()


@app.post("/orders")
async def place(order: NewOrder = Body()):
    count: StrictInt = 0
    total = 0.0
    for line in order.items:
        count += line.quantity
        total += line.quantity * line.unit_price
    return {"customer": order.customer, "item_count": count, "total": round(total, 2), "note": order.note}
