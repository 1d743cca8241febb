from fastapi import FastAPI

app = FastAPI()


@app.get("/items/{item_id}")
def read_item(item_id):
    # TODO: declare item_id as an integer that is at least 1.
    # TODO: add the query parameters q (optional text, at most 50 characters)
    #       and limit (a whole number from 1 to 100, 10 when missing).
    return {"item_id": item_id}
