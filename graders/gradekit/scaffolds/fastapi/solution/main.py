from fastapi import FastAPI, HTTPException

app = FastAPI()


@app.get("/hello/{name}")
def hello(name: str) -> dict[str, str]:
    if not name.isalpha():
        raise HTTPException(status_code=400, detail="the name must be letters only")
    return {"greeting": f"Hello, {name}!"}
