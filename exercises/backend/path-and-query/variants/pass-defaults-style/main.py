from fastapi import APIRouter, FastAPI, Path, Query
from pydantic import BaseModel

router = APIRouter(prefix="/items")


class Echo(BaseModel):
    item_id: int
    q: str | None
    limit: int


@router.get("/{item_id}", response_model=Echo)
async def read_item(item_id: int = Path(gt=0), q: str | None = Query(None, max_length=50),
                    limit: int = Query(10, gt=0, lt=101)):
    return Echo(item_id=item_id, q=q, limit=limit)


app = FastAPI()
app.include_router(router)
