from fastapi import FastAPI

# TODO: give the application the title "Hello API".
app = FastAPI()


# TODO: GET /        -> {"message": "Hello, World!"}
# TODO: GET /health  -> {"status": "ok"}
