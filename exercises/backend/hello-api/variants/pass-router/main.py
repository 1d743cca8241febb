from fastapi import APIRouter, FastAPI
from fastapi.responses import JSONResponse

router = APIRouter()


@router.get("/")
async def root():
    return JSONResponse({"message": "Hello, World!"})


@router.get("/health")
async def health():
    return JSONResponse({"status": "ok"})


app = FastAPI(title="Hello API")
app.include_router(router)
