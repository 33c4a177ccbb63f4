// Quiz pictures at the platform edge: the page fetches each file beside the quiz and hands its pixels over; here
// they become WebGL textures the UI draws (ui::picture). A picture that cannot load is marked failed, and the UI
// shows its alt text instead; a lost GL context takes the textures, so they are asked for again.
#include <emscripten.h>
#include <GLES3/gl3.h>

#include <cstdint>
#include <cstdlib>
#include <string>

#include "page.h"
#include "platform.h"

namespace web {
namespace {

void request(const cr::Image& image) {
    App& a = app();
    if (image.src.empty()) return;
    for (const std::string& src : a.picture_requests)
        if (src == image.src) return;
    a.picture_requests.push_back(image.src);
    js_request_picture(static_cast<int>(a.picture_requests.size()) - 1, a.state.source.c_str(), image.src.c_str(), image.width, image.height);
}

}  // namespace

void request_pictures() {
    App& a = app();
    for (auto& [src, p] : a.view.pictures)
        if (p.texture) glDeleteTextures(1, reinterpret_cast<const GLuint*>(&p.texture));
    a.view.pictures.clear();
    a.picture_requests.clear();
    if (!a.state.loaded) return;
    const cr::Quiz& q = a.state.loaded->quiz;
    request(q.image);
    for (const cr::Question& question : q.questions) request(question.image);
    for (const cr::Outcome& outcome : q.outcomes) request(outcome.image);
}

void forget_picture_textures() {
    for (auto& [src, p] : app().view.pictures) p.texture = ImTextureID();  // gone with the context
    request_pictures();
}

}  // namespace web

extern "C" {

// Picture `index`'s pixels: `rgba` (width x height, 4 bytes each, straight alpha) is the page's to free.
EMSCRIPTEN_KEEPALIVE void cr_picture(int index, const unsigned char* rgba, int width, int height) {
    web::App& a = web::app();
    if (index < 0 || index >= static_cast<int>(a.picture_requests.size())) return;
    if (!a.gpu.ready) {  // nothing to draw it with: its alt text shows (a restored context asks for every picture again)
        a.view.pictures[a.picture_requests[index]].failed = true;
        web::request_frames(2);
        return;
    }
    GLuint texture = 0;
    GLint last = 0;
    glGetIntegerv(GL_TEXTURE_BINDING_2D, &last);
    glGenTextures(1, &texture);
    glBindTexture(GL_TEXTURE_2D, texture);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, rgba);
    glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(last));
    a.view.pictures[a.picture_requests[index]].texture = reinterpret_cast<ImTextureID>(static_cast<intptr_t>(texture));
    web::request_frames(2);
}

// Picture `index` cannot be had (from disk, offline before it was seen, missing): its alt text shows instead.
EMSCRIPTEN_KEEPALIVE void cr_picture_failed(int index) {
    web::App& a = web::app();
    if (index < 0 || index >= static_cast<int>(a.picture_requests.size())) return;
    a.view.pictures[a.picture_requests[index]].failed = true;
    web::request_frames(2);
}

}
